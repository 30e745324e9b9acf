/**
 * IntelePeer carrier adapter: E911 number management for DIDs and ELINs; the undocumented parts of IntelePeer's API sit behind one mapping class.
 */
package dev.e911.carrier.intelepeer;
