"""Chart geometry without Qt: the swimlane's layout, routing, paging and live overlay, and the
timeline's axis and bars. Views under ``views/swimlane`` draw what these compute."""
