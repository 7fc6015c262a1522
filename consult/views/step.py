"""What every consult step does with its form: show, autosave, finish."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRedirect

from .. import flow
from ..actions import ConsultFinalError, StaleConsultError, update_consult
from ..language import hits_by_field
from .access import client_ip

TEMPLATE = "consult/step.html"


def handle_step(request, consult, *, step_key, form_class, fields_template, extra_context=None):
    step = flow.get_step(step_key)
    finishing = "_next" in request.POST
    state = conflict_version = None
    if request.method == "POST":
        form = form_class(request.POST, consult=consult)
        if consult.is_final:
            state = "final"
        elif form.is_valid():
            fields, relations = form.changed_values()
            try:
                consult = update_consult(
                    consult=consult, user=request.user, expected_version=form.cleaned_data["version"],
                    fields=fields, relations=relations, ip_address=client_ip(request),
                )
            except StaleConsultError as exc:
                state = "conflict"
                conflict_version = exc.current_version
            except ConsultFinalError:
                state = "final"
            else:
                state = "saved"
                problems = form.finish_problems() if finishing else {}
                for name, message in problems.items():
                    form.add_error(name, message)
                if problems:
                    state = "incomplete"
                elif finishing:
                    target = flow.next_step(consult) or step  # nothing left: stay here
                    url = target.url(consult)
                    if not request.htmx:
                        messages.success(request, _("Opgeslagen."))
                    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
        else:
            state = "invalid"
    else:
        form = form_class(consult=consult)

    context = {
        "consult": consult,
        "form": form,
        "step": step,
        "steps": flow.progress(consult, step_key),
        "fields_template": fields_template,
        "state": state,
        "conflict_version": conflict_version,
        "form_version": consult.version if state in (None, "saved", "incomplete") else form["version"].value(),
        "warnings": hits_by_field(consult, {name: form[name].value() for name in form.fields}),
        **(extra_context(consult) if extra_context else {}),
    }
    template = f"{TEMPLATE}#save-status" if request.htmx and request.method == "POST" else TEMPLATE
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response
