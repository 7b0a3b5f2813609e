from warlog.cli import entry

entry()
