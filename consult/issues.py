from django.http import Http404

ISSUE_PARAMETER = "uitgifte"


def chosen_issue(request, consult):
    """The issue (uitgifte) a request asks for (?uitgifte=N), else the latest of a
    finalised consult. None means: show the consult as it is now."""
    number = request.GET.get(ISSUE_PARAMETER)
    if number:
        if not number.isdigit() or len(number) > 6:
            raise Http404
        issue = consult.issues.filter(number=int(number)).first()
        if issue is None:
            raise Http404
        return issue
    if consult.is_final:
        return consult.issues.order_by("-number").first()
    return None
