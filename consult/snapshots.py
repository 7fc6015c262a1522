from django.http import Http404


def chosen_snapshot(request, consult):
    """The snapshot a request asks for (?uitgifte=N), else the latest of a final consult.

    None means: show the consult as it is now.
    """
    number = request.GET.get("uitgifte")
    if number:
        try:
            return consult.snapshots.get(number=int(number))
        except (ValueError, consult.snapshots.model.DoesNotExist):
            raise Http404 from None
    if consult.is_final:
        return consult.snapshots.order_by("-number").first()
    return None
