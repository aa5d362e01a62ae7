"""Versions of the records edited in place: a save names the version it was based on.

Every row of a versioned table (``db.migrations.VERSIONED_TABLES``) carries ``version``,
raised by one at every save. A service's save takes the version its caller read
(``version=``; None only for writers that read and write in one go, such as the demo) and
stores with :func:`update`, one ``UPDATE … WHERE version = ?``: when another PC saved first
nothing is stored and :class:`~wawaran_desktop.services.errors.ConflictError` says who and
when, so the window keeps the person's text and lets them choose (peewee's optimistic
locking recipe; the check and the write are one statement, right on either engine).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from peewee import Expression, IntegrityError, Model

from wawaran_desktop.db.models import Staff
from wawaran_desktop.services.clock import from_db
from wawaran_desktop.services.errors import ConflictError
from wawaran_desktop.text import formatting as fmt

#: What a record's stored values look like to the person comparing (field label → text).
Theirs = Callable[[Model], Mapping[str, str]]


def conflict(what: str, row: Model | None, theirs: Theirs | None = None) -> ConflictError:
    """The refusal of a save of ``what`` (e.g. "Laporan") that ``row`` (as stored now) overtook."""
    if row is None:
        return ConflictError(f"{what} telah dihapus di komputer lain sejak Anda membukanya. Isian Anda tetap "
                             "di layar.", version=0)
    by_id = getattr(row, "updated_by_id", None)
    person = Staff.get_or_none(Staff.id == by_id) if by_id is not None else None
    by = person.name if person is not None else None
    at = from_db(getattr(row, "updated_at", None))
    who = f" oleh {by}" if by else ""
    when = f" pada {fmt.clock_time(at)} WIB" if at else ""
    return ConflictError(
        f"{what} diubah{who}{when} di komputer lain sejak Anda membukanya. Isian Anda belum disimpan "
        "dan tetap di layar.",
        version=row.version, by=by, at=at, theirs=dict(theirs(row)) if theirs else {})


def update(model: type[Model], where: Expression, version: int | None, values: Mapping,
           what: str, theirs: Theirs | None = None) -> int:
    """Store ``values`` in the row ``where`` selects if it is still at ``version`` (None: whatever
    its version); returns the new version. Raises :class:`ConflictError` when it is not (or the
    row is gone). Call inside the save's transaction."""
    condition = where if version is None else where & (model.version == version)
    changed = model.update({**values, model.version: model.version + 1}).where(condition).execute()
    row = model.get_or_none(where)
    if not changed or row is None:
        raise conflict(what, row, theirs)
    return row.version


def stored_version(model: type[Model], where: Expression) -> int:
    """The version of the row ``where`` selects, 0 when there is none yet."""
    row = model.select(model.version).where(where).first()
    return row.version if row is not None else 0


def require_version(model: type[Model], where: Expression, version: int | None, what: str,
                    theirs: Theirs | None = None) -> None:
    """Refuse a save based on ``version`` when the row is stored at another (0: not stored yet)."""
    if version is None:
        return
    row = model.get_or_none(where)
    if (row.version if row is not None else 0) != version:
        raise conflict(what, row, theirs)



def upsert(model: type[Model], where: Expression, version: int | None, create: Mapping, values: Mapping,
           what: str, theirs: Theirs | None = None) -> int:
    """Store ``values`` in the one row ``where`` selects, made from ``create`` + ``values`` when
    there is none yet; returns the new version. Version 0 means "not stored yet when read": if
    another PC created the row meanwhile, the save is refused as :func:`update` refuses one."""
    if version is None and model.get_or_none(where) is None or version == 0:
        try:
            with model._meta.database.atomic():  # a savepoint: a clash must not end the caller's transaction
                model.create(**{**create, **{f.name if hasattr(f, "name") else f: v for f, v in values.items()}})
        except IntegrityError:
            raise conflict(what, model.get_or_none(where), theirs) from None
        return 1
    return update(model, where, version, values, what, theirs)
