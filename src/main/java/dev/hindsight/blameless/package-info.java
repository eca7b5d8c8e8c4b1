/**
 * The blameless-language check in the product: runs the engine on narrative text as people write it, naming the
 * incident's own people so the check recognises them, and serves the findings to pages (as you type) and the API.
 */
package dev.hindsight.blameless;
