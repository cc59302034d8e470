"""The platform's URLs plus one view that checks nothing, to prove the matrix catches it."""

from django.urls import path

from config.urls import urlpatterns as platform_urlpatterns
from inspir.core.tests.test_permission_matrix import unprotected

urlpatterns = [
    *platform_urlpatterns,
    path("unprotected/", unprotected, name="unprotected-figures"),
]
