"""What documents and statistics say, gathered from the database without Qt: the campaign
report, the disposition sheet, the evaluators' statistics and the timeline's step statistics.
``documents/`` lays these out as Word, Excel and print pages."""
