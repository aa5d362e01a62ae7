# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'stage_readiness.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QRect, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QAbstractScrollArea, QComboBox, QFrame, QGridLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QSpinBox, QTreeWidget, QVBoxLayout, QWidget)

from wawaran_desktop.views.inline_message import MessageLabel

class Ui_ReadinessPanel(object):
    def setupUi(self, ReadinessPanel):
        if not ReadinessPanel.objectName():
            ReadinessPanel.setObjectName(u"ReadinessPanel")
        ReadinessPanel.resize(560, 330)
        self.panelLayout = QVBoxLayout(ReadinessPanel)
        self.panelLayout.setSpacing(2)
        self.panelLayout.setObjectName(u"panelLayout")
        self.panelLayout.setContentsMargins(0, 0, 0, 0)
        self.scrollArea = QScrollArea(ReadinessPanel)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.scrollArea.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scrollArea.setWidgetResizable(True)
        self.scrollContents = QWidget()
        self.scrollContents.setObjectName(u"scrollContents")
        self.scrollContents.setGeometry(QRect(0, 0, 540, 400))
        self.contentsLayout = QVBoxLayout(self.scrollContents)
        self.contentsLayout.setObjectName(u"contentsLayout")
        self.contentsLayout.setContentsMargins(2, 2, 6, 2)
        self.summaryLabel = QLabel(self.scrollContents)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.contentsLayout.addWidget(self.summaryLabel)

        self.checklistTree = QTreeWidget(self.scrollContents)
        self.checklistTree.setObjectName(u"checklistTree")
        self.checklistTree.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.checklistTree.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.checklistTree.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked|QAbstractItemView.EditTrigger.EditKeyPressed|QAbstractItemView.EditTrigger.SelectedClicked)
        self.checklistTree.setRootIsDecorated(False)
        self.checklistTree.setUniformRowHeights(True)
        self.checklistTree.setAllColumnsShowFocus(True)
        self.checklistTree.header().setStretchLastSection(True)

        self.contentsLayout.addWidget(self.checklistTree)

        self.controlsLayout = QGridLayout()
        self.controlsLayout.setObjectName(u"controlsLayout")
        self.controlsLayout.setHorizontalSpacing(6)
        self.controlsLayout.setVerticalSpacing(4)
        self.flyersCaption = QLabel(self.scrollContents)
        self.flyersCaption.setObjectName(u"flyersCaption")

        self.controlsLayout.addWidget(self.flyersCaption, 0, 0, 1, 1)

        self.flyersSpin = QSpinBox(self.scrollContents)
        self.flyersSpin.setObjectName(u"flyersSpin")
        self.flyersSpin.setKeyboardTracking(False)
        self.flyersSpin.setMinimum(-1)
        self.flyersSpin.setMaximum(100000)
        self.flyersSpin.setValue(-1)
        self.flyersSpin.setSingleStep(50)

        self.controlsLayout.addWidget(self.flyersSpin, 0, 1, 1, 1)

        self.confirmLocationsButton = QPushButton(self.scrollContents)
        self.confirmLocationsButton.setObjectName(u"confirmLocationsButton")

        self.controlsLayout.addWidget(self.confirmLocationsButton, 0, 2, 1, 2)

        self.driverCaption = QLabel(self.scrollContents)
        self.driverCaption.setObjectName(u"driverCaption")

        self.controlsLayout.addWidget(self.driverCaption, 1, 0, 1, 1)

        self.driverCombo = QComboBox(self.scrollContents)
        self.driverCombo.setObjectName(u"driverCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.driverCombo.sizePolicy().hasHeightForWidth())
        self.driverCombo.setSizePolicy(sizePolicy)
        self.driverCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.driverCombo.setMinimumContentsLength(12)

        self.controlsLayout.addWidget(self.driverCombo, 1, 1, 1, 1)

        self.announcerCaption = QLabel(self.scrollContents)
        self.announcerCaption.setObjectName(u"announcerCaption")

        self.controlsLayout.addWidget(self.announcerCaption, 1, 2, 1, 1)

        self.announcerCombo = QComboBox(self.scrollContents)
        self.announcerCombo.setObjectName(u"announcerCombo")
        sizePolicy.setHeightForWidth(self.announcerCombo.sizePolicy().hasHeightForWidth())
        self.announcerCombo.setSizePolicy(sizePolicy)
        self.announcerCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.announcerCombo.setMinimumContentsLength(12)

        self.controlsLayout.addWidget(self.announcerCombo, 1, 3, 1, 1)


        self.contentsLayout.addLayout(self.controlsLayout)

        self.contentsSpacer = QSpacerItem(10, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.contentsLayout.addItem(self.contentsSpacer)

        self.scrollArea.setWidget(self.scrollContents)

        self.panelLayout.addWidget(self.scrollArea)

        self.errorLabel = MessageLabel(ReadinessPanel)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b00020;")
        self.errorLabel.setWordWrap(True)

        self.panelLayout.addWidget(self.errorLabel)

#if QT_CONFIG(shortcut)
        self.flyersCaption.setBuddy(self.flyersSpin)
        self.driverCaption.setBuddy(self.driverCombo)
        self.announcerCaption.setBuddy(self.announcerCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.checklistTree, self.flyersSpin)
        QWidget.setTabOrder(self.flyersSpin, self.confirmLocationsButton)
        QWidget.setTabOrder(self.confirmLocationsButton, self.driverCombo)
        QWidget.setTabOrder(self.driverCombo, self.announcerCombo)

        self.retranslateUi(ReadinessPanel)

        QMetaObject.connectSlotsByName(ReadinessPanel)
    # setupUi

    def retranslateUi(self, ReadinessPanel):
        ___qtreewidgetitem = self.checklistTree.headerItem()
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("ReadinessPanel", u"Catatan", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("ReadinessPanel", u"Keadaan", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("ReadinessPanel", u"Butir", None))
#if QT_CONFIG(tooltip)
        self.checklistTree.setToolTip(QCoreApplication.translate("ReadinessPanel", u"Centang butir yang sudah diperiksa. Butir otomatis terisi dari tahap lain. Klik dua kali kolom Catatan untuk menulis catatan.", None))
#endif // QT_CONFIG(tooltip)
        self.flyersCaption.setText(QCoreApplication.translate("ReadinessPanel", u"Jumlah &flyers:", None))
        self.flyersSpin.setSuffix(QCoreApplication.translate("ReadinessPanel", u" lembar", None))
        self.flyersSpin.setSpecialValueText(QCoreApplication.translate("ReadinessPanel", u"belum dihitung", None))
#if QT_CONFIG(tooltip)
        self.flyersSpin.setToolTip(QCoreApplication.translate("ReadinessPanel", u"Jumlah flyers yang sudah disiapkan untuk dibagikan", None))
#endif // QT_CONFIG(tooltip)
        self.confirmLocationsButton.setText(QCoreApplication.translate("ReadinessPanel", u"K&onfirmasi semua lokasi", None))
#if QT_CONFIG(tooltip)
        self.confirmLocationsButton.setToolTip(QCoreApplication.translate("ReadinessPanel", u"Tandai semua lokasi wawaran kampanye ini sudah dikonfirmasi", None))
#endif // QT_CONFIG(tooltip)
        self.driverCaption.setText(QCoreApplication.translate("ReadinessPanel", u"Sop&ir:", None))
        self.announcerCaption.setText(QCoreApplication.translate("ReadinessPanel", u"Pe&nyiar:", None))
        pass
    # retranslateUi

