"""Wawaran Desktop: the SOP "Penyebaran Informasi melalui Mobil Wawaran Keliling" as software."""

__version__ = "0.1.0"
APP_NAME = "Wawaran Desktop"
ORG_NAME = "Diskominfo Kota Tangerang"
