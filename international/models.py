"""Records of the International Relations Department."""
