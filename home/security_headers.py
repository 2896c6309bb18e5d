"""Content-Security-Policy (django-csp) and Permissions-Policy on every response.

The public site loads only its own scripts and styles (no inline script, no inline style, no
other host), so its policy is strict: everything from 'self', nothing else. Wagtail's admin
under /admin/ needs more, found by loading the admin pages in headless Chromium and reading the
console for CSP violations (tests/home/browser/check_csp.mjs; docs/operations.md): Wagtail 8
runs small inline scripts on the page explorer, the page editor, users and reports
(script-src 'unsafe-inline') and sets inline styles in the editor (style-src 'unsafe-inline');
previews and uploads show data: and blob: images. Only /admin/ gets these relaxations; the
admin's update check (a request to releases.wagtail.org) is switched off instead of allowed
(WAGTAIL_ENABLE_UPDATE_CHECK = False).
"""

from csp.middleware import CSPMiddleware

ADMIN_PREFIX = "/admin/"
ADMIN_RELAXATIONS = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    # The page preview and the "view live" panes show the site itself in a frame.
    "frame-src": ["'self'"],
    "frame-ancestors": ["'self'"],
}
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "interest-cohort",
        "browsing-topics",
    )
)


class SecurityHeadersMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path.startswith(ADMIN_PREFIX):
            parts.replace = {**(parts.replace or {}), **ADMIN_RELAXATIONS}
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
