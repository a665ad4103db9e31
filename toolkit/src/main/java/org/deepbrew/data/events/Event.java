package org.deepbrew.data.events;

/**
 * One thing a user did with an item at a moment.
 *
 * @param user user id
 * @param item item id
 * @param timestamp seconds since the Unix epoch
 * @param type what happened
 * @param value a rating for {@link EventType#RATE}, a price for {@link EventType#PURCHASE}, else 0
 */
public record Event(int user, int item, long timestamp, EventType type, double value) {}
