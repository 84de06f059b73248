package org.newswire.events;

/** A person, organisation or place named in an article, resolved to a canonical id and name. */
public record EntityMention(String id, String name, String type, int mentions) {

	public static final String PERSON = "person";

	public static final String ORGANIZATION = "organization";

	public static final String PLACE = "place";

}
