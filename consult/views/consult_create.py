from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from explanations.models import ContentVersion

from .. import flow
from ..access import clinician_required
from ..actions import create_consult
from ..forms import NewConsultForm


@clinician_required
def consult_create(request):
    content_version = ContentVersion.current()
    if content_version is None:
        return render(request, "consult/no_content.html", status=503)
    form = NewConsultForm(request.POST or None, content_version=content_version)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        consult = create_consult(
            user=request.user,
            patient_reference=data["patient_reference"],
            reference_is_not_bsn=data["reference_is_not_bsn"],
            first_name=data["first_name"],
            permission_given=data["permission_given"],
            wants_further_investigation=data["wants_further_investigation"],
            request=request,
        )
        return redirect(flow.where_to_go(consult).url(consult))
    return render(request, "consult/create.html", {"form": form, "title": _("Nieuw consult")})
