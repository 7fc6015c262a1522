from django.utils.cache import add_never_cache_headers


class NoStore:
    """Nothing the app answers is kept by a browser or proxy cache: every page may hold
    patient data. (Static files are answered before this, by WhiteNoise.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        add_never_cache_headers(response)
        response["Cache-Control"] = "no-store, no-cache, must-revalidate, private, max-age=0"
        return response
