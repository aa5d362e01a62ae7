# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'timeline_stats.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDateEdit, QDialogButtonBox, QFrame, QGraphicsView, QHBoxLayout, QLabel, QScrollArea, QSizePolicy, QSpacerItem, QSplitter, QTableWidget, QVBoxLayout, QWidget)

class Ui_TimelineStatsDialog(object):
    def setupUi(self, TimelineStatsDialog):
        if not TimelineStatsDialog.objectName():
            TimelineStatsDialog.setObjectName(u"TimelineStatsDialog")
        TimelineStatsDialog.resize(1180, 720)
        self.mainLayout = QVBoxLayout(TimelineStatsDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.fromCaption = QLabel(TimelineStatsDialog)
        self.fromCaption.setObjectName(u"fromCaption")

        self.filterLayout.addWidget(self.fromCaption)

        self.fromDate = QDateEdit(TimelineStatsDialog)
        self.fromDate.setObjectName(u"fromDate")
        self.fromDate.setCalendarPopup(True)

        self.filterLayout.addWidget(self.fromDate)

        self.toCaption = QLabel(TimelineStatsDialog)
        self.toCaption.setObjectName(u"toCaption")

        self.filterLayout.addWidget(self.toCaption)

        self.toDate = QDateEdit(TimelineStatsDialog)
        self.toDate.setObjectName(u"toDate")
        self.toDate.setCalendarPopup(True)

        self.filterLayout.addWidget(self.toDate)

        self.cancelledCheck = QCheckBox(TimelineStatsDialog)
        self.cancelledCheck.setObjectName(u"cancelledCheck")

        self.filterLayout.addWidget(self.cancelledCheck)

        self.filterSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterLayout.addItem(self.filterSpacer)


        self.mainLayout.addLayout(self.filterLayout)

        self.statsScroll = QScrollArea(TimelineStatsDialog)
        self.statsScroll.setObjectName(u"statsScroll")
        self.statsScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.statsScroll.setWidgetResizable(True)
        self.statsContents = QWidget()
        self.statsContents.setObjectName(u"statsContents")
        self.statsContentsLayout = QVBoxLayout(self.statsContents)
        self.statsContentsLayout.setObjectName(u"statsContentsLayout")
        self.statsContentsLayout.setContentsMargins(0, 0, 0, 0)
        self.summaryLabel = QLabel(self.statsContents)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.statsContentsLayout.addWidget(self.summaryLabel)

        self.splitter = QSplitter(self.statsContents)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.chartView = QGraphicsView(self.splitter)
        self.chartView.setObjectName(u"chartView")
        self.chartView.setMinimumSize(QSize(0, 368))
        self.splitter.addWidget(self.chartView)
        self.statsTable = QTableWidget(self.splitter)
        self.statsTable.setObjectName(u"statsTable")
        self.statsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.statsTable.setAlternatingRowColors(True)
        self.statsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.statsTable.setWordWrap(False)
        self.splitter.addWidget(self.statsTable)

        self.statsContentsLayout.addWidget(self.splitter)

        self.statsScroll.setWidget(self.statsContents)

        self.mainLayout.addWidget(self.statsScroll)

        self.buttonBox = QDialogButtonBox(TimelineStatsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.fromCaption.setBuddy(self.fromDate)
        self.toCaption.setBuddy(self.toDate)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.fromDate, self.toDate)
        QWidget.setTabOrder(self.toDate, self.cancelledCheck)
        QWidget.setTabOrder(self.cancelledCheck, self.chartView)
        QWidget.setTabOrder(self.chartView, self.statsTable)

        self.retranslateUi(TimelineStatsDialog)

        QMetaObject.connectSlotsByName(TimelineStatsDialog)
    # setupUi

    def retranslateUi(self, TimelineStatsDialog):
        TimelineStatsDialog.setWindowTitle(QCoreApplication.translate("TimelineStatsDialog", u"Statistik Waktu per Tahap", None))
        self.fromCaption.setText(QCoreApplication.translate("TimelineStatsDialog", u"Kampanye dibuat &dari", None))
        self.fromDate.setDisplayFormat(QCoreApplication.translate("TimelineStatsDialog", u"d MMMM yyyy", None))
#if QT_CONFIG(tooltip)
        self.fromDate.setToolTip(QCoreApplication.translate("TimelineStatsDialog", u"Tanggal dibuat (WIB) kampanye pertama yang dihitung", None))
#endif // QT_CONFIG(tooltip)
        self.toCaption.setText(QCoreApplication.translate("TimelineStatsDialog", u"&sampai", None))
        self.toDate.setDisplayFormat(QCoreApplication.translate("TimelineStatsDialog", u"d MMMM yyyy", None))
#if QT_CONFIG(tooltip)
        self.toDate.setToolTip(QCoreApplication.translate("TimelineStatsDialog", u"Tanggal dibuat (WIB) kampanye terakhir yang dihitung (termasuk)", None))
#endif // QT_CONFIG(tooltip)
        self.cancelledCheck.setText(QCoreApplication.translate("TimelineStatsDialog", u"Sertakan kampanye yang di&batalkan", None))
#if QT_CONFIG(tooltip)
        self.cancelledCheck.setToolTip(QCoreApplication.translate("TimelineStatsDialog", u"Tahap yang sudah selesai pada kampanye yang kemudian dibatalkan ikut dihitung", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

