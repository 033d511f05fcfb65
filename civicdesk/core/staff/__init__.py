"""The staff side of the app in the Wagtail admin: model screens (viewsets.py) and custom
screens (views.py, urls.py, forms.py), registered by the app's wagtail_hooks.py."""
