"""A resource's files: attached and removed by those who write the resource, downloaded by
those who read the library (never from a public address)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from inspir.core.errors import found_or_404
from inspir.core.submit_once import submit_once
from inspir.learning.forms.library import AttachmentForm
from inspir.learning.models import Attachment
from inspir.learning.selectors.access import readable_attachments, writable_attachments
from inspir.learning.services import attachments as services
from inspir.learning.views.resources import writable_resource

# --- Attachments --------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def attachment_upload(request: HttpRequest, pk: int) -> HttpResponse:
    resource = writable_resource(request, pk)
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.attachment_upload(
                resource=resource, actor=request.user, upload=form.cleaned_data["file"]
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            messages.success(request, _("The file was attached."))
            return redirect(resource.get_absolute_url() + "#attachments")
    return render(request, "learning/attachment_form.html", {"form": form, "resource": resource})


@login_required
@require_GET
def attachment_download(request: HttpRequest, pk: int) -> FileResponse:
    """A resource's file, for those who read the library; never a public media address."""
    attachment: Attachment = found_or_404(lambda: readable_attachments(request.user).get(pk=pk))
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def attachment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    queryset = writable_attachments(request.user).select_related("resource__network")
    attachment: Attachment = found_or_404(lambda: queryset.get(pk=pk))
    resource = attachment.resource
    if request.method == "POST":
        services.attachment_delete(attachment=attachment, actor=request.user)
        messages.success(request, _("The file was removed."))
        return redirect(resource.get_absolute_url() + "#attachments")
    return render(request, "learning/attachment_delete.html", {"attachment": attachment})
