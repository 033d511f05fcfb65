"""Every write to a petition goes through these services (house style: services own writes)."""
