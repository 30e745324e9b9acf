/** Sites: how agents are grouped, with their default location, media policy and ELIN pool. */
package dev.e911.api.site;
