"""A database URL without its secrets: what may be kept in ``settings.ini``, printed or put into
a message (infra/credentials.py keeps the password itself out of our files)."""

from __future__ import annotations

from urllib.parse import parse_qsl, unquote, urlsplit, urlunsplit

#: The URL options (after ``?``) in which libpq takes a secret: the sign-in password, and the
#: password of the client's SSL key. Never kept, printed or shown (:func:`strip_password`).
SECRET_OPTIONS = frozenset({"password", "sslpassword"})


def url_password(url: str | None) -> str | None:
    """The password written into ``url`` (``user:password@`` or ``?password=``), if any."""
    if not url:
        return None
    parts = urlsplit(url)
    if parts.password is not None:
        return unquote(parts.password)
    options = dict(parse_qsl(parts.query, keep_blank_values=True))
    return options.get("password")


def strip_secret_options(query: str) -> str:
    """A URL's options (after ``?``) without those carrying a secret (:data:`SECRET_OPTIONS`);
    the others exactly as written."""
    if not query:
        return query
    kept = [item for item in query.split("&")
            if item and unquote(item.partition("=")[0]).strip().lower() not in SECRET_OPTIONS]
    return "&".join(kept)


def strip_password(url: str) -> str:
    """``url`` without the password it may carry, in ``user:password@`` or as an option
    (``?password=…``, libpq takes it there too; likewise ``sslpassword``); everything else as
    it was. What may be kept in ``settings.ini``, printed or put into a message."""
    parts = urlsplit(url)
    query = strip_secret_options(parts.query)
    if parts.password is None and query == parts.query:
        return url
    netloc = parts.netloc
    if parts.password is not None:
        userinfo, _at, host = netloc.rpartition("@")
        netloc = f"{userinfo.partition(':')[0]}@{host}"
    return urlunsplit(parts._replace(netloc=netloc, query=query))
