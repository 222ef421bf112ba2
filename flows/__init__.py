"""Use cases without Qt, called by both the command line (cli/) and the desktop app (ui/)."""
