/**
 * The demo dataset: teams, people, services and a handful of incidents of different severities and states, loaded
 * once on first start when {@code hindsight.demo-data=true} so a newcomer sees a populated product.
 */
package dev.hindsight.demo;
