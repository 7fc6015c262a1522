"""Handouts of the shipped library for the readability and page tests: every model with
each of its metaphors and each pair of them, for Mrs K. as she is and with every factor
and every advice ticked (the longest a handout can get)."""

from itertools import combinations

from explanations.models import ExplanationModel, MaintainingFactor, SelfManagementAdvice
from tests.factories import mrs_k_consult, save


def metaphor_choices(model, most=2):
    """Each metaphor of the model alone, and every pair of them."""
    slugs = [m.slug for m in model.metaphors.order_by("order")]
    return [combo for n in range(1, most + 1) for combo in combinations(slugs, n)]


def everything_ticked(consult, user):
    library = consult.library
    return save(consult, user, factors=library.slugs(MaintainingFactor), advice=library.slugs(SelfManagementAdvice))


# What Mrs K. and her GP type into an English handout.
IN_ENGLISH = {
    "handout_language": "en",
    "patient_words": "My body is set too loud and I keep going for too long",
    "next_appointment": "In four weeks with the mental health nurse",
}


def shipped_handout_consults(version, user, *, everything=True, language="nl"):
    """(model, metaphor slugs, consult) for every model and choice of up to two metaphors;
    everything: with every factor and every advice ticked, else as Mrs K. has them;
    language: the handout's language (the consult itself is always in the Dutch library)."""
    for model in ExplanationModel.objects.filter(version=version).order_by("order"):
        for chosen in metaphor_choices(model):
            consult = mrs_k_consult(user=user, model=model.slug, metaphors=chosen)
            if language == "en":
                consult = save(consult, user, **IN_ENGLISH)
            yield model, chosen, everything_ticked(consult, user) if everything else consult
