"""Sending the referat by email: addresses, SMTP settings, the message and the delivery record."""
