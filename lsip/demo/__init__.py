"""The demo: The Marches LSIP area, built from the facts in the source documents.

Each feature adds its part here, so that a newcomer always sees the whole product working.
Loading is idempotent: running it twice changes nothing the second time.
"""
