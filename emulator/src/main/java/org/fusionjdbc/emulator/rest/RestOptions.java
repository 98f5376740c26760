package org.fusionjdbc.emulator.rest;

/**
 * The settings the REST endpoints use, handed over by the emulator from its options, so this package does not depend
 * on the emulator's root package (which depends on it).
 *
 * @param seed                    seeds the totalResults jitter
 * @param maxLimit                the largest page the pod answers with
 * @param defaultLimit            the page size without a limit parameter
 * @param permissive              q parsing of the lenient pods (strict by default)
 * @param defaultFrameworkVersion the REST framework version without the REST-Framework-Version header
 * @param datetimeMillis          datetimes written with milliseconds
 * @param totalResultsJitter      the share by which an estimated totalResults may be off
 * @param childLimit              rows of an expanded child collection per parent
 * @param hashItemIds             every top-level item id is a minted hex key
 * @param wireShapes              value and catalog shapes recorded from real pods
 */
public record RestOptions(long seed, int maxLimit, int defaultLimit, boolean permissive, int defaultFrameworkVersion,
    boolean datetimeMillis, double totalResultsJitter, int childLimit, boolean hashItemIds, WireShapes wireShapes) {
}
