// A local web server with the pages the URL tests fetch: a help article, a redirect to it, plain
// text, an image, a body over the size limit and a page that answers only when released.

export const HELP_ARTICLE_HTML = `<!doctype html><html><head><title>Help centre</title></head><body>
<nav><a href="/">Home</a> <a href="/shop">Shop</a> <a href="/cart">Cart</a></nav>
<article><h1>Parking at the store</h1>
<p>Parking is free for customers in the garage on the north side of the building. Show your receipt at the exit.</p>
<h2>Bicycles</h2>
<p>Bicycle racks are available at the front entrance next to the pharmacy, and they are covered from the rain.</p>
</article><footer>Copyright example</footer></body></html>`;

export interface HelpPages {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  baseUrl: string;
  port: number;
  /** Lets `/slow` answer at last; call it before stopping so no request is left hanging. */
  releaseSlow(): void;
  stop(): void;
}

/** `hugeBytes` is the knowledge size limit: `/huge` answers just over it. */
export function serveHelpPages(hugeBytes: number): HelpPages {
  let releaseSlow = () => {};
  const slowReleased = new Promise<void>((resolve) => {
    releaseSlow = resolve;
  });
  const server = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    fetch(request) {
      const path = new URL(request.url).pathname;
      if (path === "/article")
        return new Response(HELP_ARTICLE_HTML, { headers: { "content-type": "text/html; charset=utf-8" } });
      if (path === "/moved") return Response.redirect("/article", 302);
      if (path === "/notes.txt")
        return new Response("Gift vouchers never expire.", { headers: { "content-type": "text/plain" } });
      if (path === "/image.png")
        return new Response(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), {
          headers: { "content-type": "image/png" },
        });
      if (path === "/huge")
        return new Response("x".repeat(hugeBytes + 10), { headers: { "content-type": "text/plain" } });
      // Answers only once the file's tests are done: any fetch timeout is shorter.
      if (path === "/slow") return slowReleased.then(() => new Response("late"));
      return new Response("no such page", { status: 404 });
    },
  });
  const port = server.port as number;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    releaseSlow: () => releaseSlow(),
    stop: () => server.stop(true),
  };
}
