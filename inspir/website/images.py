"""A post's picture as it is kept: checked to be a picture, turned upright, stripped of its
metadata (EXIF: place, camera, date) by being drawn again, and resized into the widths the
pages ask for, never wider than the upload. The upload itself is not kept."""

import io
import secrets
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from inspir.website.rules import IMAGE_FORMATS, IMAGE_MAX_BYTES, IMAGE_MAX_PIXELS, IMAGE_WIDTHS


@dataclass(frozen=True)
class Resized:
    files: dict[str, ContentFile]  # by size name ("small", "medium", "large")
    width: int  # of the largest
    height: int


def _not_an_image() -> str:
    return _("This file is not a picture: choose a JPEG, PNG, WebP or GIF image.")


def _refuse(message: str, code: str) -> ValidationError:
    return ValidationError(message, code=code)


def image_check(upload: UploadedFile) -> Image.Image:
    """The upload as a decoded picture; ValidationError saying what is wrong otherwise."""
    size = upload.size or 0
    if size == 0:
        raise _refuse(_("The file is empty."), "empty")
    if size > IMAGE_MAX_BYTES:
        raise _refuse(
            _("The picture is too big (%(size)s MB); the limit is %(limit)s MB.")
            % {"size": f"{size / 1048576:.1f}", "limit": f"{IMAGE_MAX_BYTES / 1048576:.0f}"},
            "size",
        )
    upload.seek(0)
    data = upload.read()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            probe = Image.open(io.BytesIO(data))
            if probe.format not in IMAGE_FORMATS:
                raise _refuse(_not_an_image(), "type")
            if probe.width * probe.height > IMAGE_MAX_PIXELS:
                raise _refuse(_("The picture has too many pixels; make it smaller."), "pixels")
            probe.verify()
            picture = Image.open(io.BytesIO(data))
            picture.load()
    except ValidationError:
        raise
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError, Warning) as error:
        raise _refuse(_not_an_image(), "type") from error
    return picture


def image_resize(upload: UploadedFile) -> Resized:
    picture = ImageOps.exif_transpose(image_check(upload))
    has_alpha = picture.mode in ("RGBA", "LA", "PA") or "transparency" in picture.info
    picture = picture.convert("RGBA" if has_alpha else "RGB")
    extension, kind = ("png", "PNG") if has_alpha else ("jpg", "JPEG")
    stem = secrets.token_hex(8)
    files: dict[str, ContentFile] = {}
    width, height = picture.size
    for name, wanted in IMAGE_WIDTHS.items():
        copy = picture.copy()
        if copy.width > wanted:
            copy = copy.resize(
                (wanted, max(1, round(copy.height * wanted / copy.width))), Image.Resampling.LANCZOS
            )
        out = io.BytesIO()
        # Saved without `exif=` or `pnginfo=`: nothing of the original's metadata goes along.
        if kind == "JPEG":
            copy.save(out, kind, quality=82, optimize=True, progressive=True)
        else:
            copy.save(out, kind, optimize=True)
        files[name] = ContentFile(out.getvalue(), name=f"{stem}-{name}.{extension}")
        width, height = copy.size
    return Resized(files=files, width=width, height=height)
