package org.deepbrew.data.events;

/** Kinds of user behaviour in an event log, in funnel order for shopping sessions. */
public enum EventType { VIEW, CART, PURCHASE, RATE }
