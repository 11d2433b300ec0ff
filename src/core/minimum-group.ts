/**
 * No figure about fewer organisations than this (peers, a portfolio against the instance, an
 * event's cohort and bilan): below it, one could tell who scored what.
 */
export const MINIMUM_GROUP = 5;
