import copy
import functools

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRedirect

from audit.decorators import logged_read
from autosave.outcome import Outcome, bases_for, respond
from autosave.saving import save_form
from practices.models import Role

from .. import flow
from ..access import clinician_required, with_consult
from ..actions import save_answers
from ..phrase_check import step_warnings

TEMPLATE = "consult/step.html"


@clinician_required
@with_consult
@logged_read("stap:{step}")
def consult_step(request, consult, step):
    """Every step of the consult: show it, autosave it, and go on when it is done."""
    step = flow.step_for_segment(step)
    if step is None:
        raise Http404
    waits_for = step.waits_for(consult)
    if waits_for is not None:
        messages.info(request, _("Deze stap %(reason)s.") % {"reason": flow.WAIT_REASONS[waits_for]})
        return redirect(flow.get_step(flow.STOPS[waits_for]).url(consult))
    if step.form_class is None:
        context = {"consult": consult, "step": step, "steps": flow.progress(consult, step.key)}
        return respond(request, step.template, {**context, **step.context(request, consult, None)})

    outcome = None
    readonly = request.user.role != Role.GP  # the consult is the GP's record; the POH-GGZ reads it
    if readonly and request.method == "POST":
        raise PermissionDenied
    # An htmx save answers with the pieces that changed, not the page (autosave/outcome.py).
    autosave = request.method == "POST" and request.htmx
    form = step.form_class.for_request(request)(request.POST or None, instance=copy.copy(consult))
    if request.method == "POST":
        save = functools.partial(save_answers, consult=consult, user=request.user, request=request)
        consult, outcome = save_form(form, consult, save)
        if "_next" in request.POST and outcome.state in ("saved", "unchanged"):
            outcome.missing = step.missing(consult)
            if not outcome.missing:
                url = flow.where_to_go(consult).url(consult)
                return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
        if not autosave and not (outcome.invalid or outcome.conflicts or outcome.blocked):
            # Everything was stored: show what is stored, not what was sent.
            form = step.form_class(instance=copy.copy(consult))
    else:
        outcome = Outcome(bases=bases_for(consult, form.fields))

    texts = form.texts(outcome.touched if autosave else form.fields, consult)
    context = {
        "consult": consult,
        "form": form,
        "step": step,
        "autosave": outcome,
        "readonly": readonly,
        "warnings": step_warnings(consult, texts),
    }
    context.update(step.live_context(request, consult, form))
    if not autosave:
        context.update(steps=flow.progress(consult, step.key), **step.context(request, consult, form))
    return respond(request, TEMPLATE, context, outcome)
