"""The SOP swimlane chart: scene, live overlay, timeline and exports (issue 4)."""
