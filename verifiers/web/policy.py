"""Which URLs and addresses a fetch may reach.

URLs come from articles someone else wrote, so a fetch must never be turned against the
machine it runs on or the network behind it. The check happens where the connection is
made: `GuardedNetworkBackend` resolves each host itself, refuses the connection if any of
its addresses is not a public one, and connects to the address it checked — so no second
lookup can be steered elsewhere, and every redirect hop and pooled connection is covered.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from urllib.parse import urlsplit

import anyio
import httpcore
import httpx

from verifiers.errors import RefusedURL

__all__ = ["GuardedNetworkBackend", "check_url", "is_public_address"]

ALLOWED_SCHEMES = ("http", "https")


def check_url(url: str) -> None:
    """Refuse URLs that are not plain http(s) with a host; addresses are checked later."""
    try:
        parts = urlsplit(url)
        httpx.URL(url)  # what the client will make of it, e.g. no octal "0177.0.0.1" hosts
    except (ValueError, httpx.InvalidURL) as error:
        raise RefusedURL(f"not a valid URL ({error})") from None
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        raise RefusedURL(f"only http and https URLs are fetched, not {parts.scheme or 'none'!r}")
    if not parts.hostname:
        raise RefusedURL("the URL names no host")
    if parts.username or parts.password:
        raise RefusedURL("URLs with credentials are not fetched")


def is_public_address(address: str) -> bool:
    """True only for globally routable unicast addresses, in any of their spellings."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is None and ip.packed[:12] == bytes(12):  # IPv4-compatible ::a.b.c.d
            embedded = ipaddress.IPv4Address(ip.packed[12:])
        if embedded is not None and not is_public_address(str(embedded)):
            return False
    return ip.is_global and not ip.is_multicast


class GuardedNetworkBackend(httpcore.AsyncNetworkBackend):
    """httpcore's network backend, with every TCP connection checked against the policy."""

    def __init__(
        self,
        allow_private_hosts: bool = False,
        trusted: frozenset[tuple[str, int]] = frozenset(),
    ) -> None:
        self._inner = httpcore.AnyIOBackend()
        self._allow_private_hosts = allow_private_hosts
        # (host, port) of services the operator configured, such as a local search engine.
        self._trusted = trusted

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable | None = None,
    ) -> httpcore.AsyncNetworkStream:
        addresses = await _resolve(host, port, timeout)
        if not self._allow_private_hosts and (host.lower(), port) not in self._trusted:
            refused = [address for address in addresses if not is_public_address(address)]
            if refused:
                raise RefusedURL(
                    f"{host} resolves to a non-public address ({refused[0]}); "
                    "use --allow-private-hosts to fetch it"
                )
        return await self._inner.connect_tcp(
            addresses[0], port, timeout, local_address, socket_options
        )

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable | None = None
    ):
        raise RefusedURL("unix sockets are not fetched")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


async def _resolve(host: str, port: int, timeout: float | None) -> list[str]:
    try:
        with anyio.fail_after(timeout):
            infos = await anyio.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except TimeoutError:
        raise httpcore.ConnectTimeout(f"looking up {host} timed out") from None
    except OSError as error:
        raise httpcore.ConnectError(f"cannot resolve {host} ({error})") from None
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not addresses:
        raise httpcore.ConnectError(f"{host} has no address")
    return addresses
