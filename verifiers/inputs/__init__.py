"""What an input says: the references an article cites and the words it quotes."""
