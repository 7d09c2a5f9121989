// The GDS library version, once we know its procedures exist.
RETURN gds.version() AS version
