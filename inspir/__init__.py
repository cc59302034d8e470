# The platform's version: the next release while it is being prepared ("1.0.0.dev0"), the
# release's own number in the commit that is tagged vX.Y.Z (see CHANGELOG.md).
__version__ = "1.1.0.dev0"
