"""How long a browser test waits for something the server pushes (issue 24: waits follow events).

A test waits for the fragment or text it needs, never for a fixed time: `expect(...)` returns as soon as it
holds. LIVE covers the worst case the code allows on a loaded 2-core machine running two test workers: a
push batch (PUSH_BATCH_SECONDS, 0 in tests), a refetch after a resync (RESYNC_SPREAD_MS, 0 for the test
server) and a busy server. How fast things really are is measured by `make bench`, not here.
"""
LIVE = 8_000
#: every other expectation (a form's answer, a page after a redirect): Playwright's 5 s default was once too
#: short for a POST, its redirect and the page on a 2-core machine running three test workers (a rating's
#: "your comment waits" line; issue 24). The expectation still returns as soon as it holds.
EXPECT = 10_000
