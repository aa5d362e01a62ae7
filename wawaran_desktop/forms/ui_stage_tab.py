# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'stage_tab.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QComboBox, QFormLayout, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QListWidget, QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QSplitter, QTabWidget, QVBoxLayout, QWidget)

class Ui_StageTab(object):
    def setupUi(self, StageTab):
        if not StageTab.objectName():
            StageTab.setObjectName(u"StageTab")
        StageTab.resize(800, 600)
        self.mainLayout = QVBoxLayout(StageTab)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(0, 0, 0, 0)
        self.stageScroll = QScrollArea(StageTab)
        self.stageScroll.setObjectName(u"stageScroll")
        self.stageScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.stageScroll.setWidgetResizable(True)
        self.stagePage = QWidget()
        self.stagePage.setObjectName(u"stagePage")
        self.pageLayout = QVBoxLayout(self.stagePage)
        self.pageLayout.setSpacing(4)
        self.pageLayout.setObjectName(u"pageLayout")
        self.pageLayout.setContentsMargins(6, 4, 6, 4)
        self.titleLabel = QLabel(self.stagePage)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setStyleSheet(u"font-size: 11pt; font-weight: bold;")

        self.pageLayout.addWidget(self.titleLabel)

        self.headerLayout = QGridLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.headerLayout.setHorizontalSpacing(8)
        self.headerLayout.setVerticalSpacing(4)
        self.infoLayout = QFormLayout()
        self.infoLayout.setObjectName(u"infoLayout")
        self.infoLayout.setVerticalSpacing(2)
        self.infoLayout.setLabelAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)
        self.lanesCaption = QLabel(self.stagePage)
        self.lanesCaption.setObjectName(u"lanesCaption")

        self.infoLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.lanesCaption)

        self.lanesLabel = QLabel(self.stagePage)
        self.lanesLabel.setObjectName(u"lanesLabel")
        self.lanesLabel.setWordWrap(True)

        self.infoLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.lanesLabel)

        self.standardCaption = QLabel(self.stagePage)
        self.standardCaption.setObjectName(u"standardCaption")

        self.infoLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.standardCaption)

        self.standardLabel = QLabel(self.stagePage)
        self.standardLabel.setObjectName(u"standardLabel")

        self.infoLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.standardLabel)

        self.outputCaption = QLabel(self.stagePage)
        self.outputCaption.setObjectName(u"outputCaption")

        self.infoLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.outputCaption)

        self.outputLabel = QLabel(self.stagePage)
        self.outputLabel.setObjectName(u"outputLabel")
        self.outputLabel.setWordWrap(True)

        self.infoLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.outputLabel)

        self.assigneeCaption = QLabel(self.stagePage)
        self.assigneeCaption.setObjectName(u"assigneeCaption")

        self.infoLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.assigneeCaption)

        self.assigneeCombo = QComboBox(self.stagePage)
        self.assigneeCombo.setObjectName(u"assigneeCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.assigneeCombo.sizePolicy().hasHeightForWidth())
        self.assigneeCombo.setSizePolicy(sizePolicy)

        self.infoLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.assigneeCombo)


        self.headerLayout.addLayout(self.infoLayout, 0, 0, 1, 1)

        self.timerBox = QGroupBox(self.stagePage)
        self.timerBox.setObjectName(u"timerBox")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.timerBox.sizePolicy().hasHeightForWidth())
        self.timerBox.setSizePolicy(sizePolicy1)
        self.timerLayout = QHBoxLayout(self.timerBox)
        self.timerLayout.setObjectName(u"timerLayout")
        self.clockLayout = QVBoxLayout()
        self.clockLayout.setSpacing(0)
        self.clockLayout.setObjectName(u"clockLayout")
        self.elapsedLabel = QLabel(self.timerBox)
        self.elapsedLabel.setObjectName(u"elapsedLabel")
        self.elapsedLabel.setStyleSheet(u"font-size: 14pt; font-family: monospace;")

        self.clockLayout.addWidget(self.elapsedLabel)

        self.wallLabel = QLabel(self.timerBox)
        self.wallLabel.setObjectName(u"wallLabel")

        self.clockLayout.addWidget(self.wallLabel)


        self.timerLayout.addLayout(self.clockLayout)

        self.statusLabel = QLabel(self.timerBox)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.timerLayout.addWidget(self.statusLabel)

        self.timerSpacer = QSpacerItem(0, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.timerLayout.addItem(self.timerSpacer)

        self.buttonsLayout = QGridLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.buttonsLayout.setHorizontalSpacing(4)
        self.buttonsLayout.setVerticalSpacing(2)
        self.startButton = QPushButton(self.timerBox)
        self.startButton.setObjectName(u"startButton")

        self.buttonsLayout.addWidget(self.startButton, 0, 0, 1, 1)

        self.finishButton = QPushButton(self.timerBox)
        self.finishButton.setObjectName(u"finishButton")

        self.buttonsLayout.addWidget(self.finishButton, 0, 1, 1, 1)

        self.pauseButton = QPushButton(self.timerBox)
        self.pauseButton.setObjectName(u"pauseButton")

        self.buttonsLayout.addWidget(self.pauseButton, 1, 0, 1, 1)

        self.reopenButton = QPushButton(self.timerBox)
        self.reopenButton.setObjectName(u"reopenButton")

        self.buttonsLayout.addWidget(self.reopenButton, 1, 1, 1, 1)


        self.timerLayout.addLayout(self.buttonsLayout)


        self.headerLayout.addWidget(self.timerBox, 0, 1, 1, 1)


        self.pageLayout.addLayout(self.headerLayout)

        self.bodyBox = QWidget(self.stagePage)
        self.bodyBox.setObjectName(u"bodyBox")
        sizePolicy2 = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        sizePolicy2.setHorizontalStretch(0)
        sizePolicy2.setVerticalStretch(1)
        sizePolicy2.setHeightForWidth(self.bodyBox.sizePolicy().hasHeightForWidth())
        self.bodyBox.setSizePolicy(sizePolicy2)
        self.bodyLayout = QVBoxLayout(self.bodyBox)
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.bodyLayout.setContentsMargins(0, 0, 0, 0)
        self.bodySplitter = QSplitter(self.bodyBox)
        self.bodySplitter.setObjectName(u"bodySplitter")
        sizePolicy3 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy3.setHorizontalStretch(0)
        sizePolicy3.setVerticalStretch(1)
        sizePolicy3.setHeightForWidth(self.bodySplitter.sizePolicy().hasHeightForWidth())
        self.bodySplitter.setSizePolicy(sizePolicy3)
        self.bodySplitter.setOrientation(Qt.Orientation.Horizontal)
        self.bodySplitter.setChildrenCollapsible(False)
        self.contentBox = QGroupBox(self.bodySplitter)
        self.contentBox.setObjectName(u"contentBox")
        self.contentLayout = QVBoxLayout(self.contentBox)
        self.contentLayout.setObjectName(u"contentLayout")
        self.contentLayout.setContentsMargins(4, 4, 4, 4)
        self.bodySplitter.addWidget(self.contentBox)
        self.sideTabs = QTabWidget(self.bodySplitter)
        self.sideTabs.setObjectName(u"sideTabs")
        self.sideTabs.setElideMode(Qt.TextElideMode.ElideNone)
        self.sideTabs.setUsesScrollButtons(False)
        self.checklistPage = QWidget()
        self.checklistPage.setObjectName(u"checklistPage")
        self.checklistLayout = QVBoxLayout(self.checklistPage)
        self.checklistLayout.setObjectName(u"checklistLayout")
        self.checklistLayout.setContentsMargins(2, 2, 2, 2)
        self.checklist = QListWidget(self.checklistPage)
        self.checklist.setObjectName(u"checklist")

        self.checklistLayout.addWidget(self.checklist)

        self.sideTabs.addTab(self.checklistPage, "")
        self.historyPage = QWidget()
        self.historyPage.setObjectName(u"historyPage")
        self.historyLayout = QVBoxLayout(self.historyPage)
        self.historyLayout.setObjectName(u"historyLayout")
        self.historyLayout.setContentsMargins(2, 2, 2, 2)
        self.historyList = QListWidget(self.historyPage)
        self.historyList.setObjectName(u"historyList")
        self.historyList.setWordWrap(True)

        self.historyLayout.addWidget(self.historyList)

        self.sideTabs.addTab(self.historyPage, "")
        self.notesPage = QWidget()
        self.notesPage.setObjectName(u"notesPage")
        self.notesLayout = QVBoxLayout(self.notesPage)
        self.notesLayout.setObjectName(u"notesLayout")
        self.notesLayout.setContentsMargins(2, 2, 2, 2)
        self.notesEdit = QPlainTextEdit(self.notesPage)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)

        self.notesLayout.addWidget(self.notesEdit)

        self.sideTabs.addTab(self.notesPage, "")
        self.bodySplitter.addWidget(self.sideTabs)

        self.bodyLayout.addWidget(self.bodySplitter)


        self.pageLayout.addWidget(self.bodyBox)

        self.stageScroll.setWidget(self.stagePage)

        self.mainLayout.addWidget(self.stageScroll)

#if QT_CONFIG(shortcut)
        self.assigneeCaption.setBuddy(self.assigneeCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(StageTab)

        QMetaObject.connectSlotsByName(StageTab)
    # setupUi

    def retranslateUi(self, StageTab):
        self.lanesCaption.setText(QCoreApplication.translate("StageTab", u"Pelaksana:", None))
        self.standardCaption.setText(QCoreApplication.translate("StageTab", u"Waktu baku:", None))
        self.outputCaption.setText(QCoreApplication.translate("StageTab", u"Output:", None))
        self.assigneeCaption.setText(QCoreApplication.translate("StageTab", u"Ditugaskan kepada:", None))
        self.timerBox.setTitle(QCoreApplication.translate("StageTab", u"Waktu pelaksanaan", None))
#if QT_CONFIG(tooltip)
        self.elapsedLabel.setToolTip(QCoreApplication.translate("StageTab", u"Waktu kerja (tanpa jeda), dalam menit dan detik", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.wallLabel.setToolTip(QCoreApplication.translate("StageTab", u"Waktu baku; bila dijeda, waktu jam dinding sejak mulai, termasuk jeda", None))
#endif // QT_CONFIG(tooltip)
        self.startButton.setText(QCoreApplication.translate("StageTab", u"&Mulai", None))
        self.finishButton.setText(QCoreApplication.translate("StageTab", u"&Selesai", None))
        self.pauseButton.setText(QCoreApplication.translate("StageTab", u"&Jeda\u2026", None))
#if QT_CONFIG(tooltip)
        self.pauseButton.setToolTip(QCoreApplication.translate("StageTab", u"Hentikan sementara jam tahap ini (misalnya menunggu kendaraan); waktu jeda tidak dihitung terhadap waktu baku", None))
#endif // QT_CONFIG(tooltip)
        self.reopenButton.setText(QCoreApplication.translate("StageTab", u"Buka Kemba&li\u2026", None))
        self.contentBox.setTitle(QCoreApplication.translate("StageTab", u"Isi tahap", None))
        self.sideTabs.setTabText(self.sideTabs.indexOf(self.checklistPage), QCoreApplication.translate("StageTab", u"Kelengkapan", None))
        self.sideTabs.setTabText(self.sideTabs.indexOf(self.historyPage), QCoreApplication.translate("StageTab", u"Riwayat", None))
        self.notesEdit.setPlaceholderText(QCoreApplication.translate("StageTab", u"Catatan tahap ini (tersimpan otomatis)", None))
        self.sideTabs.setTabText(self.sideTabs.indexOf(self.notesPage), QCoreApplication.translate("StageTab", u"Catatan", None))
        pass
    # retranslateUi

