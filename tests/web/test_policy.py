"""Which addresses a fetch may reach, in every spelling."""

import pytest

from verifiers.errors import RefusedURL
from verifiers.web.policy import check_url, is_public_address


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.1.2.3",
        "10.0.0.1",
        "172.16.5.4",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "255.255.255.255",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "::127.0.0.1",
        "2002:7f00:1::",
        "192.0.2.1",
        "198.18.0.1",
        "not an address",
    ],
)
def test_non_public_addresses_are_refused(address: str) -> None:
    assert not is_public_address(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "1.1.1.1", "2606:4700:4700::1111"])
def test_public_addresses_are_allowed(address: str) -> None:
    assert is_public_address(address)


@pytest.mark.parametrize(
    "url",
    [
        "ftp://a.example/",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "https://",
        "https://u:p@a.example/",
        "http://[::1",
    ],
)
def test_urls_outside_the_policy_are_refused(url: str) -> None:
    with pytest.raises(RefusedURL):
        check_url(url)


def test_plain_http_and_https_urls_pass_the_url_check() -> None:
    check_url("https://a.example/path?q=1")
    check_url("http://127.0.0.1:8000/")  # addresses are checked where the connection is made
