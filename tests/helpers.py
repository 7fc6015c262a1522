from django.urls import reverse

def url(name, consult, query=""):
    return reverse(name, args=[consult.pk]) + query


def assert_other_practice_gets_404(client, name, consult, method="get", data=None):
    response = getattr(client, method)(url(name, consult), data or {})
    assert response.status_code == 404
    assert consult.patient_reference.encode() not in response.content
