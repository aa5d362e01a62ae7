"""Indonesian language tools: dates, numbers and lengths of time as the office writes them
(``formatting``, ``durations``), the spelling check and the read-aloud estimate."""
