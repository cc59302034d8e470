"""A funding proposal's documents: added and removed by those who may change the
proposal, downloaded by those who read it (never through a public address). Thin: writes
through `services.documents`, what is accepted is `governance.rules.document_check`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from inspir.core.errors import found_or_404
from inspir.core.forms import add_service_errors, report_service_call
from inspir.core.submit_once import submit_once
from inspir.financing.forms.proposals import DocumentForm
from inspir.financing.models import ProposalDocument
from inspir.financing.selectors import proposals as selectors
from inspir.financing.selectors.access import readable_documents, writable_documents
from inspir.financing.services import documents as services


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def document_upload(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = found_or_404(selectors.writable_proposal, user=request.user, pk=pk)
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.document_upload(
                proposal=proposal,
                actor=request.user,
                upload=form.cleaned_data["file"],
                name=form.cleaned_data["name"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The document was added."))
            return redirect(proposal.get_absolute_url() + "#documents")
    return render(request, "financing/document_form.html", {"form": form, "proposal": proposal})


@login_required
@require_GET
def document_download(request: HttpRequest, pk: int) -> FileResponse:
    """A document of a proposal the reader reads; never a public media address."""
    document = found_or_404(lambda: readable_documents(request.user).get(pk=pk))
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(
        handle, as_attachment=True, filename=document.name, content_type=document.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def document_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm, then remove a document of a proposal the reader may change."""
    document: ProposalDocument = found_or_404(
        lambda: writable_documents(request.user).select_related("proposal__network").get(pk=pk)
    )
    proposal = document.proposal
    if request.method == "POST":
        report_service_call(
            request,
            lambda: services.document_delete(document=document, actor=request.user),
            success=_("The document was removed."),
        )
        return redirect(proposal.get_absolute_url() + "#documents")
    return render(
        request, "financing/document_delete.html", {"document": document, "proposal": proposal}
    )
