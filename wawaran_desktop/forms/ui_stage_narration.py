# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'stage_narration.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QDoubleSpinBox, QFrame, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QSplitter, QTabWidget, QTextEdit, QTreeWidget, QVBoxLayout, QWidget)

from wawaran_desktop.views.inline_message import MessageLabel

class Ui_StageNarration(object):
    def setupUi(self, StageNarration):
        if not StageNarration.objectName():
            StageNarration.setObjectName(u"StageNarration")
        StageNarration.resize(560, 330)
        self.outerLayout = QVBoxLayout(StageNarration)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(0, 0, 0, 0)
        self.scrollArea = QScrollArea(StageNarration)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.scrollArea.setWidgetResizable(True)
        self.scrollContents = QWidget()
        self.scrollContents.setObjectName(u"scrollContents")
        self.contentsLayout = QVBoxLayout(self.scrollContents)
        self.contentsLayout.setObjectName(u"contentsLayout")
        self.contentsLayout.setContentsMargins(0, 0, 0, 0)
        self.narrationTabs = QTabWidget(self.scrollContents)
        self.narrationTabs.setObjectName(u"narrationTabs")
        self.editorPage = QWidget()
        self.editorPage.setObjectName(u"editorPage")
        self.editorLayout = QVBoxLayout(self.editorPage)
        self.editorLayout.setSpacing(4)
        self.editorLayout.setObjectName(u"editorLayout")
        self.editorLayout.setContentsMargins(4, 4, 4, 4)
        self.editor = QPlainTextEdit(self.editorPage)
        self.editor.setObjectName(u"editor")
        self.editor.setMinimumSize(QSize(0, 110))
        self.editor.setTabChangesFocus(True)

        self.editorLayout.addWidget(self.editor)

        self.statsLabel = QLabel(self.editorPage)
        self.statsLabel.setObjectName(u"statsLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.statsLabel.sizePolicy().hasHeightForWidth())
        self.statsLabel.setSizePolicy(sizePolicy)

        self.editorLayout.addWidget(self.statsLabel)

        self.spellRateLayout = QHBoxLayout()
        self.spellRateLayout.setObjectName(u"spellRateLayout")
        self.spellLabel = QLabel(self.editorPage)
        self.spellLabel.setObjectName(u"spellLabel")
        sizePolicy.setHeightForWidth(self.spellLabel.sizePolicy().hasHeightForWidth())
        self.spellLabel.setSizePolicy(sizePolicy)

        self.spellRateLayout.addWidget(self.spellLabel)

        self.rateCaption = QLabel(self.editorPage)
        self.rateCaption.setObjectName(u"rateCaption")

        self.spellRateLayout.addWidget(self.rateCaption)

        self.rateSpin = QDoubleSpinBox(self.editorPage)
        self.rateSpin.setObjectName(u"rateSpin")
        self.rateSpin.setDecimals(1)
        self.rateSpin.setMinimum(1.500000000000000)
        self.rateSpin.setMaximum(6.000000000000000)
        self.rateSpin.setSingleStep(0.100000000000000)
        self.rateSpin.setValue(3.000000000000000)
        self.rateSpin.setKeyboardTracking(False)

        self.spellRateLayout.addWidget(self.rateSpin)


        self.editorLayout.addLayout(self.spellRateLayout)

        self.actionsLayout = QHBoxLayout()
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.saveButton = QPushButton(self.editorPage)
        self.saveButton.setObjectName(u"saveButton")

        self.actionsLayout.addWidget(self.saveButton)

        self.saveStatusLabel = QLabel(self.editorPage)
        self.saveStatusLabel.setObjectName(u"saveStatusLabel")
        sizePolicy.setHeightForWidth(self.saveStatusLabel.sizePolicy().hasHeightForWidth())
        self.saveStatusLabel.setSizePolicy(sizePolicy)

        self.actionsLayout.addWidget(self.saveStatusLabel)


        self.editorLayout.addLayout(self.actionsLayout)

        self.errorLabel = MessageLabel(self.editorPage)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b00020;")
        self.errorLabel.setWordWrap(True)

        self.editorLayout.addWidget(self.errorLabel)

        self.narrationTabs.addTab(self.editorPage, "")
        self.versionsPage = QWidget()
        self.versionsPage.setObjectName(u"versionsPage")
        self.versionsLayout = QVBoxLayout(self.versionsPage)
        self.versionsLayout.setSpacing(4)
        self.versionsLayout.setObjectName(u"versionsLayout")
        self.versionsLayout.setContentsMargins(4, 4, 4, 4)
        self.versionsSplitter = QSplitter(self.versionsPage)
        self.versionsSplitter.setObjectName(u"versionsSplitter")
        self.versionsSplitter.setOrientation(Qt.Orientation.Vertical)
        self.versionsSplitter.setChildrenCollapsible(False)
        self.versionTree = QTreeWidget(self.versionsSplitter)
        self.versionTree.setObjectName(u"versionTree")
        self.versionTree.setMinimumSize(QSize(0, 70))
        self.versionTree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.versionTree.setRootIsDecorated(False)
        self.versionTree.setUniformRowHeights(True)
        self.versionTree.setAllColumnsShowFocus(True)
        self.versionsSplitter.addWidget(self.versionTree)
        self.diffView = QTextEdit(self.versionsSplitter)
        self.diffView.setObjectName(u"diffView")
        self.diffView.setMinimumSize(QSize(0, 60))
        self.diffView.setReadOnly(True)
        self.versionsSplitter.addWidget(self.diffView)

        self.versionsLayout.addWidget(self.versionsSplitter)

        self.versionErrorLabel = MessageLabel(self.versionsPage)
        self.versionErrorLabel.setObjectName(u"versionErrorLabel")
        self.versionErrorLabel.setStyleSheet(u"color: #b00020;")
        self.versionErrorLabel.setWordWrap(True)

        self.versionsLayout.addWidget(self.versionErrorLabel)

        self.versionButtons = QHBoxLayout()
        self.versionButtons.setObjectName(u"versionButtons")
        self.compareButton = QPushButton(self.versionsPage)
        self.compareButton.setObjectName(u"compareButton")

        self.versionButtons.addWidget(self.compareButton)

        self.restoreButton = QPushButton(self.versionsPage)
        self.restoreButton.setObjectName(u"restoreButton")

        self.versionButtons.addWidget(self.restoreButton)

        self.finalButton = QPushButton(self.versionsPage)
        self.finalButton.setObjectName(u"finalButton")

        self.versionButtons.addWidget(self.finalButton)

        self.versionSpacer = QSpacerItem(0, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.versionButtons.addItem(self.versionSpacer)


        self.versionsLayout.addLayout(self.versionButtons)

        self.narrationTabs.addTab(self.versionsPage, "")

        self.contentsLayout.addWidget(self.narrationTabs)

        self.scrollArea.setWidget(self.scrollContents)

        self.outerLayout.addWidget(self.scrollArea)

#if QT_CONFIG(shortcut)
        self.rateCaption.setBuddy(self.rateSpin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(StageNarration)

        self.narrationTabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(StageNarration)
    # setupUi

    def retranslateUi(self, StageNarration):
        self.editor.setPlaceholderText(QCoreApplication.translate("StageNarration", u"Tulis narasi wawaran di sini. Kata yang ejaannya perlu diperiksa digaris bawahi merah; klik kanan untuk saran.", None))
#if QT_CONFIG(accessibility)
        self.editor.setAccessibleName(QCoreApplication.translate("StageNarration", u"Naskah narasi", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.statsLabel.setToolTip(QCoreApplication.translate("StageNarration", u"Perkiraan lama pembacaan melalui pengeras suara mobil wawaran, dihitung dari jumlah suku kata", None))
#endif // QT_CONFIG(tooltip)
        self.rateCaption.setText(QCoreApplication.translate("StageNarration", u"Ke&cepatan baca:", None))
#if QT_CONFIG(tooltip)
        self.rateSpin.setToolTip(QCoreApplication.translate("StageNarration", u"Suku kata per detik saat narasi dibacakan (pengaturan kantor, 1,5\u20136,0)", None))
#endif // QT_CONFIG(tooltip)
        self.rateSpin.setSuffix(QCoreApplication.translate("StageNarration", u" suku kata/detik", None))
        self.saveButton.setText(QCoreApplication.translate("StageNarration", u"Simpan &Versi", None))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("StageNarration", u"Simpan naskah ini sebagai versi baru (penulis dan waktu dicatat)", None))
#endif // QT_CONFIG(tooltip)
        self.narrationTabs.setTabText(self.narrationTabs.indexOf(self.editorPage), QCoreApplication.translate("StageNarration", u"Naskah", None))
        ___qtreewidgetitem = self.versionTree.headerItem()
        ___qtreewidgetitem.setText(4, QCoreApplication.translate("StageNarration", u"Status", None))
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("StageNarration", u"Kata", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("StageNarration", u"Disimpan", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("StageNarration", u"Penulis", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("StageNarration", u"Versi", None))
#if QT_CONFIG(tooltip)
        self.versionTree.setToolTip(QCoreApplication.translate("StageNarration", u"Pilih satu versi, atau dua versi untuk dibandingkan (Ctrl+klik)", None))
#endif // QT_CONFIG(tooltip)
        self.compareButton.setText(QCoreApplication.translate("StageNarration", u"Ba&ndingkan", None))
#if QT_CONFIG(tooltip)
        self.compareButton.setToolTip(QCoreApplication.translate("StageNarration", u"Bandingkan dua versi terpilih, atau versi terpilih dengan versi terbaru", None))
#endif // QT_CONFIG(tooltip)
        self.restoreButton.setText(QCoreApplication.translate("StageNarration", u"Pul&ihkan", None))
#if QT_CONFIG(tooltip)
        self.restoreButton.setToolTip(QCoreApplication.translate("StageNarration", u"Simpan teks versi terpilih sebagai versi terbaru", None))
#endif // QT_CONFIG(tooltip)
        self.finalButton.setText(QCoreApplication.translate("StageNarration", u"Tandai &Final", None))
#if QT_CONFIG(tooltip)
        self.finalButton.setToolTip(QCoreApplication.translate("StageNarration", u"Versi final dipakai untuk lembar disposisi dan ekspor Word", None))
#endif // QT_CONFIG(tooltip)
        self.narrationTabs.setTabText(self.narrationTabs.indexOf(self.versionsPage), QCoreApplication.translate("StageNarration", u"Riwayat Versi", None))
        pass
    # retranslateUi

