"""The timeline theme: Jinja templates and assets, shipped as package data (as mkdocs ships its
own themes) and registered as the mkdocs theme `timeline`."""
