"""Staff screens (Wagtail admin)."""
