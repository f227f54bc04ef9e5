"""
The transport every client sends through: the answer read under a size cap and the attempt's deadline.

Proxies are chosen here too, so that a loopback address never goes through one.

Reading here, not in the generated code, is what makes the cap hold: an endless chunked body, a gzip bomb or a 300 MB
error page is abandoned while it streams, once `max_response_bytes` decoded bytes are passed, instead of being read
whole into memory first.
"""

from __future__ import annotations

import functools
import importlib.util
import ipaddress
import ssl
import urllib.request
import zlib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import httpcore
import httpx

from exchange_clients import _deadline
from exchange_clients._aiohttp import aiohttp_transport


DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024
"""The default cap on a decoded answer: 10,000 orders of any of these exchanges take well under half of it."""

# httpx.HTTPTransport's own options: taken from `httpx_args` when this module builds the transport.
_TRANSPORT_OPTIONS = frozenset(
    {"verify", "cert", "trust_env", "http1", "http2", "limits", "proxy", "local_address", "retries", "socket_options"}
)
_DECODED_AWAY = frozenset({b"content-encoding", b"content-length", b"transfer-encoding"})


class ResponseTooLargeError(Exception):
    """The answer grew past `max_response_bytes` while it was read; the rest was not read."""

    def __init__(self, status_code: int, limit: int) -> None:
        self.status_code = status_code
        self.limit = limit
        super().__init__(f"the answer grew past max_response_bytes ({limit} bytes) and was not read further")


class ProxyConfigurationError(ValueError):
    """The proxy the environment names cannot be used (a SOCKS proxy without httpx's socks extra)."""


def is_loopback(host: str) -> bool:
    """Whether `host` is this machine: localhost or a loopback address."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def environment_proxy(base_url: str) -> str | None:
    """The proxy the environment (HTTPS_PROXY, HTTP_PROXY, ALL_PROXY, NO_PROXY) names for `base_url`, if any.

    A loopback base URL never gets one: its plain http is allowed only because it never leaves the machine, and a
    proxy would carry the signed request across the network in clear text.
    """
    url = httpx.URL(base_url)
    if is_loopback(url.host) or urllib.request.proxy_bypass(url.host):
        return None
    proxies = urllib.request.getproxies()
    return proxies.get(url.scheme) or proxies.get("all")


def guarded_transport(base_url: str, max_response_bytes: int, httpx_args: Mapping[str, Any]) -> dict[str, Any]:
    """`httpx_args` with the transport every client sends through in place of httpx's default.

    A caller's own `transport` (a MockTransport in tests) is kept inside the guard; otherwise the transports
    are built here from the transport options in `httpx_args`, with the environment's proxy unless the base URL
    is loopback: ours for blocking calls, aiohttp's for async ones where it honours every option (_aiohttp.py).
    A SOCKS proxy without httpx's socks extra is a ProxyConfigurationError here, at connect.
    """
    options = {name: value for name, value in httpx_args.items() if name in _TRANSPORT_OPTIONS}
    rest = {name: value for name, value in httpx_args.items() if name not in _TRANSPORT_OPTIONS}
    given = rest.pop("transport", None)
    if given is None and "proxy" not in options and options.get("trust_env", True):
        proxy = environment_proxy(base_url)
        if proxy is not None:
            options["proxy"] = proxy
    # httpcore sets the context's ALPN protocols on every connection, to ["http/1.1"] unless the client asked for
    # HTTP/2: only clients that did not ask for it share the one context, so they all set the same protocols.
    if given is None and not ({"verify", "cert"} & set(options) or options.get("http2")):
        options["verify"] = default_tls_context(trust_env=bool(options.get("trust_env", True)))
    if given is None:
        inner_sync: Any = _built(DeadlineHTTPTransport, options)
        inner_async: Any = aiohttp_transport(options) or _built(httpx.AsyncHTTPTransport, options)
    else:
        inner_sync = inner_async = given
    # httpx would otherwise mount the environment's proxies ahead of this transport (it skips them only when a
    # transport is given, which one is, here).
    rest["trust_env"] = False
    return {**rest, "transport": GuardedTransport(inner_sync, inner_async, max_response_bytes)}


@functools.cache
def default_tls_context(*, trust_env: bool) -> ssl.SSLContext:
    """
    Httpx's default TLS context (its CA bundle, SSL_CERT_FILE and SSL_CERT_DIR read if `trust_env`), built once.

    Loading the CA bundle takes about 16 ms, and every client built three (its blocking transport, its async one,
    and the async one's fallback): 50 ms per `connect()`, and per Kraken token client. Decision: one per process,
    as httpx's documentation advises for many clients; an SSL_CERT_FILE set after the first client is not read.
    A context is safe to share between threads and event loops.
    """
    return httpx.create_ssl_context(trust_env=trust_env)


def _built(factory: Any, options: dict[str, Any]) -> Any:
    try:
        return factory(**options)
    except ImportError as error:
        proxy = options.get("proxy")
        msg = f"the proxy {proxy!s:.80} needs an extra that is not installed ({error}); install httpx[socks]"
        raise ProxyConfigurationError(msg) from None


class DeadlineHTTPTransport(httpx.BaseTransport):
    """httpx's blocking transport, rebuilt on httpcore so that every socket operation honours the attempt's deadline.

    httpx bounds each read: a server sending one header line or one `103` a second is never "too slow" for it, and
    httpx takes no network backend of ours. httpcore does (`network_backend`, public API): every read, write and
    TLS handshake here waits at most what is left of the attempt. What this class adds over httpx.HTTPTransport
    is only the translation between httpx's and httpcore's request, response and exception types.
    """

    def __init__(
        self,
        *,
        verify: Any = True,
        cert: Any = None,
        trust_env: bool = True,
        http1: bool = True,
        http2: bool = False,
        limits: httpx.Limits = httpx.Limits(max_connections=100, max_keepalive_connections=20),  # noqa: B008 - httpx's
        proxy: str | httpx.URL | httpx.Proxy | None = None,
        local_address: str | None = None,
        retries: int = 0,
        socket_options: Any = None,
    ) -> None:
        ssl_context = httpx.create_ssl_context(verify=verify, cert=cert, trust_env=trust_env)
        if proxy is not None and not isinstance(proxy, httpx.Proxy):
            proxy = httpx.Proxy(url=proxy)
        # httpcore imports socksio only at the first request through a SOCKS proxy: say so at connect instead.
        if proxy is not None and proxy.url.scheme.startswith("socks") and importlib.util.find_spec("socksio") is None:
            msg = f"the proxy {proxy.url!s:.80} is SOCKS, which needs httpx[socks] (socksio), not installed"
            raise ProxyConfigurationError(msg)
        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl_context,
            proxy=None
            if proxy is None
            else httpcore.Proxy(
                url=str(proxy.url), auth=proxy.raw_auth, headers=proxy.headers.raw, ssl_context=proxy.ssl_context
            ),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            http1=http1,
            http2=http2,
            retries=retries,
            local_address=local_address,
            network_backend=_DeadlineBackend(httpcore.SyncBackend()),
            socket_options=socket_options,
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send `request` through the pool, as httpx.HTTPTransport does."""
        url = request.url
        core_request = httpcore.Request(
            method=request.method,
            url=httpcore.URL(scheme=url.raw_scheme, host=url.raw_host, port=url.port, target=url.raw_path),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        with _httpx_errors(request):
            response = self._pool.handle_request(core_request)
        return httpx.Response(
            status_code=response.status,
            headers=response.headers,
            stream=_ResponseStream(response.stream, request),
            extensions=response.extensions,
        )

    def close(self) -> None:
        """Close every pooled connection."""
        self._pool.close()


class _ResponseStream(httpx.SyncByteStream):
    def __init__(self, stream: Any, request: httpx.Request) -> None:
        self._stream = stream
        self._request = request

    def __iter__(self) -> Iterator[bytes]:
        with _httpx_errors(self._request):
            yield from self._stream

    def close(self) -> None:
        close = getattr(self._stream, "close", None)
        if close is not None:
            close()


# httpcore's exceptions and httpx's equivalents, most specific first.
_ERRORS: tuple[tuple[type[Exception], type[httpx.TransportError]], ...] = (
    (httpcore.ConnectTimeout, httpx.ConnectTimeout),
    (httpcore.ReadTimeout, httpx.ReadTimeout),
    (httpcore.WriteTimeout, httpx.WriteTimeout),
    (httpcore.PoolTimeout, httpx.PoolTimeout),
    (httpcore.TimeoutException, httpx.TimeoutException),
    (httpcore.ConnectError, httpx.ConnectError),
    (httpcore.ReadError, httpx.ReadError),
    (httpcore.WriteError, httpx.WriteError),
    (httpcore.NetworkError, httpx.NetworkError),
    (httpcore.ProxyError, httpx.ProxyError),
    (httpcore.UnsupportedProtocol, httpx.UnsupportedProtocol),
    (httpcore.LocalProtocolError, httpx.LocalProtocolError),
    (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.ProtocolError, httpx.ProtocolError),
)


@contextmanager
def _httpx_errors(request: httpx.Request) -> Iterator[None]:
    try:
        yield
    except Exception as error:
        for core, mapped in _ERRORS:
            if isinstance(error, core):
                raise mapped(str(error), request=request) from None
        raise


class _DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's network backend, each stream it opens clamped to the attempt's deadline."""

    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        self._backend = backend

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        stream = self._backend.connect_tcp(
            host, port, _clamped(timeout, httpcore.ConnectTimeout), local_address, socket_options
        )
        return _DeadlineStream(stream)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(
            self._backend.connect_unix_socket(path, _clamped(timeout, httpcore.ConnectTimeout), socket_options)
        )

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _clamped(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _clamped(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        started = self._stream.start_tls(ssl_context, server_hostname, _clamped(timeout, httpcore.ConnectTimeout))
        return _DeadlineStream(started)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


def _clamped(timeout: float | None, expired: type[Exception]) -> float | None:
    """`timeout`, cut to what is left of the attempt; `expired` raised once nothing is."""
    left = _deadline.remaining()
    if left is None:
        return timeout
    if left <= 0:
        msg = "the attempt's time ran out"
        raise expired(msg)
    return left if timeout is None else min(timeout, left)


class GuardedTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Its inner transports (blocking, async, or a caller's), each answer read under the cap."""

    def __init__(self, inner_sync: Any, inner_async: Any, max_response_bytes: int) -> None:
        self._sync = inner_sync
        self._async = inner_async
        self.max_response_bytes = max_response_bytes

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send with every phase's timeout cut to what is left of the attempt, then read the answer capped."""
        _prepare(request)
        response = self._sync.handle_request(request)
        body = _Body(request, response, self.max_response_bytes)
        # The raw stream, read once: a transport's Response may already hold its content (a MockTransport's does),
        # and its stream still yields it.
        stream: Any = response.stream
        try:
            for chunk in stream:
                body.add_raw(chunk)
        finally:
            response.close()
        return _read_response(response, request, body.content())

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """The same without blocking; the async client bounds the whole attempt with asyncio.timeout too."""
        _prepare(request)
        response = await self._async.handle_async_request(request)
        body = _Body(request, response, self.max_response_bytes)
        stream: Any = response.stream
        try:
            async for chunk in stream:
                body.add_raw(chunk)
        finally:
            await response.aclose()
        return _read_response(response, request, body.content())

    def close(self) -> None:
        """Close the sync transport (and the caller's, when one was given)."""
        self._sync.close()

    async def aclose(self) -> None:
        """Close the async transport."""
        await self._async.aclose()


class _Body:
    """An answer's bytes as they arrive, decoded here and refused past the cap or the attempt's deadline.

    Decoding here, with zlib's `max_length`, is what bounds a gzip bomb: httpx's decoder turns each 64 KiB read into
    whatever it inflates to (up to 64 MiB) before anything can count it.
    """

    def __init__(self, request: httpx.Request, response: httpx.Response, limit: int) -> None:
        self._request = request
        self._status_code = response.status_code
        self._limit = limit
        self._size = 0
        self._chunks: list[bytes] = []
        self._decoder = _decoder(request, response)

    def add_raw(self, data: bytes) -> None:
        if self._decoder is None:
            self._add(data)
            return
        while data:
            try:
                self._add(self._decoder.decompress(data, self._limit - self._size + 1))
            except zlib.error as error:
                msg = f"the answer's compressed body does not decode: {error}"
                raise httpx.DecodingError(msg, request=self._request) from None
            data = self._decoder.unconsumed_tail

    def _add(self, chunk: bytes) -> None:
        self._size += len(chunk)
        if self._size > self._limit:
            self._chunks.clear()  # let go of what was read before the error travels up
            raise ResponseTooLargeError(self._status_code, self._limit)
        _deadline.check(self._request, "reading the answer")
        self._chunks.append(chunk)

    def content(self) -> bytes:
        if self._decoder is not None:
            self._add(self._decoder.flush(self._limit - self._size + 1))
        return b"".join(self._chunks)


# What this transport asks for and decodes itself: httpx would also announce br and zstd when their packages are
# installed, which this module does not decode under the cap.
_ACCEPTED_ENCODINGS = "gzip, deflate"
# RFC 9110: "deflate" is the zlib format (RFC 1950), "gzip" the gzip format.
_WBITS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}


def _decoder(request: httpx.Request, response: httpx.Response) -> Any:
    encoding = response.headers.get("content-encoding", "").strip().lower()
    if encoding in ("", "identity"):
        return None
    if encoding not in _WBITS:
        msg = f"the answer is encoded as {encoding[:40]!r}, which was not asked for ({_ACCEPTED_ENCODINGS})"
        raise httpx.DecodingError(msg, request=request)
    return zlib.decompressobj(_WBITS[encoding])


def _prepare(request: httpx.Request) -> None:
    request.headers["Accept-Encoding"] = _ACCEPTED_ENCODINGS
    _shorten_timeouts(request)


def _shorten_timeouts(request: httpx.Request) -> None:
    left = _deadline.remaining()
    if left is None:
        return
    _deadline.check(request, "waiting to send")
    phases = dict(request.extensions.get("timeout") or {})
    for phase in ("connect", "read", "write", "pool"):
        current = phases.get(phase)
        phases[phase] = left if current is None else min(current, left)
    request.extensions = {**request.extensions, "timeout": phases}


def _read_response(response: httpx.Response, request: httpx.Request, content: bytes) -> httpx.Response:
    # The body is decoded already: its encoding and length headers describe bytes that are no longer here.
    headers = [(name, value) for name, value in response.headers.raw if name.lower() not in _DECODED_AWAY]
    return httpx.Response(
        response.status_code, headers=headers, content=content, extensions=response.extensions, request=request
    )
