"""The brand kit, for everyone: the charter, every network's kit page with its mark and
files, an overview that leads to them; and the files themselves."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import get_conditional_response
from django.views.decorators.http import require_safe

from inspir.core.errors import found_or_404
from inspir.core.page_cache import public_page
from inspir.identity import charter, selectors, variants
from inspir.identity.variants import MarkFile
from inspir.network.models import Level, Network

# The files' addresses do not change with their content (a network renamed, a new charter),
# so browsers keep them a week and then ask again with the ETag, which names the content.
FILE_MAX_AGE = 7 * 24 * 3600


def _charter_context() -> dict[str, object]:
    return {
        "charter": charter,
        "pairs": [{"pair": pair, "ratio": f"{pair.ratio:.1f}"} for pair in charter.CONTRAST_PAIRS],
        "clear_space_percent": round(charter.CLEAR_SPACE_RATIO * 100),
        "label_percent": round(charter.LABEL_SIZE_RATIO * 100),
        "tag_line_percent": round(charter.TAG_LINE_SIZE_RATIO * 100),
        "clear_space_figure": variants.clear_space_figure(),
    }


# The overview's weight must not grow with the number of networks: it previews only the
# intercontinental and continental marks (while they are few), and lists the national
# networks as plain links; past NATIONAL_LINKS_LIMIT, each continental network's national
# networks are listed on its own kit page instead.
PREVIEW_LIMIT = 6
NATIONAL_LINKS_LIMIT = 200
PREVIEW_WIDTH = 200


def _directory(networks: list[Network]) -> dict[str, object]:
    """The networks grouped by level, the national ones under their continental network."""
    by_level: dict[str, list[Network]] = {level: [] for level in Level.values}
    for network in networks:
        by_level[network.level].append(network)
    continental = by_level[Level.CONTINENTAL]
    members: dict[int | None, list[Network]] = {}
    for network in by_level[Level.NATIONAL]:
        members.setdefault(network.parent_id, []).append(network)
    national_groups = [
        {"parent": parent, "members": members.pop(parent.pk, [])} for parent in continental
    ]
    # A national network whose parent is not a continental network is still listed.
    others = [network for group in members.values() for network in group]
    if others:
        national_groups.append({"parent": None, "members": others})
    tops = by_level[Level.INTERCONTINENTAL] + continental
    return {
        "intercontinental": by_level[Level.INTERCONTINENTAL],
        "continental": continental,
        "national_groups": national_groups,
        "national_count": len(by_level[Level.NATIONAL]),
        "nationals_listed": len(by_level[Level.NATIONAL]) <= NATIONAL_LINKS_LIMIT,
        "previews": (
            [variants.files_of(network) for network in tops]
            if len(continental) <= PREVIEW_LIMIT
            else [variants.files_of(network) for network in by_level[Level.INTERCONTINENTAL]]
        ),
    }


@public_page
@require_safe
def brand_kit(request: HttpRequest) -> HttpResponse:
    networks = list(selectors.kit_networks())
    context = {
        "count": len(networks),
        "preview_width": PREVIEW_WIDTH,
        **_directory(networks),
        **_charter_context(),
    }
    return render(request, "identity/brand_kit.html", context)


@public_page
@require_safe
def network_kit(request: HttpRequest, slug: str) -> HttpResponse:
    network, members = found_or_404(selectors.kit_network_and_members, slug=slug)
    context = {
        "mark": variants.files_of(network),
        "members": members,
        "og_image": variants.og_image_url(network),
        **_charter_context(),
    }
    return render(request, "identity/network_kit.html", context)


# The files are not kept by the page cache: they are kept in the storage, drawn once.


def _file_response(request: HttpRequest, mark_file: MarkFile, file_name: str) -> HttpResponse:
    etag = f'"{mark_file.fingerprint}"'
    unchanged = get_conditional_response(request, etag=etag)
    if unchanged is not None:
        unchanged["ETag"] = etag
        unchanged["Cache-Control"] = f"public, max-age={FILE_MAX_AGE}"
        return unchanged
    response = HttpResponse(variants.kept(mark_file), content_type=mark_file.content_type)
    response["ETag"] = etag
    response["Cache-Control"] = f"public, max-age={FILE_MAX_AGE}"
    response["Content-Disposition"] = f'inline; filename="{file_name}"'
    return response


def _label(slug: str) -> str:
    return variants.network_label(found_or_404(selectors.kit_network, slug=slug))


@require_safe
def mark_svg(request: HttpRequest, slug: str, variant: str) -> HttpResponse:
    mark_file = MarkFile(_label(slug), "svg", charter.VARIANTS_BY_SLUG[variant])
    return _file_response(request, mark_file, f"{slug}-{variant}.svg")


@require_safe
def compact_svg(request: HttpRequest, slug: str, variant: str) -> HttpResponse:
    mark_file = MarkFile(_label(slug), "svg-compact", charter.VARIANTS_BY_SLUG[variant])
    return _file_response(request, mark_file, f"{slug}-{variant}-compact.svg")


@require_safe
def mark_png(request: HttpRequest, slug: str, variant: str, width: int) -> HttpResponse:
    mark_file = MarkFile(_label(slug), "png", charter.VARIANTS_BY_SLUG[variant], width)
    return _file_response(request, mark_file, f"{slug}-{variant}-{width}.png")


@require_safe
def social_image(request: HttpRequest, slug: str) -> HttpResponse:
    mark_file = MarkFile(_label(slug), "social")
    return _file_response(request, mark_file, f"{slug}-social.png")
