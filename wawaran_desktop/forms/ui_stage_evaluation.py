# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'stage_evaluation.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QRect, QSize)
from PySide6.QtWidgets import (QComboBox, QDateTimeEdit, QFrame, QGridLayout, QGroupBox, QLabel, QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget)

from wawaran_desktop.views.inline_message import MessageLabel

class Ui_EvaluationPanel(object):
    def setupUi(self, EvaluationPanel):
        if not EvaluationPanel.objectName():
            EvaluationPanel.setObjectName(u"EvaluationPanel")
        EvaluationPanel.resize(560, 330)
        self.outerLayout = QVBoxLayout(EvaluationPanel)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(0, 0, 0, 0)
        self.scrollArea = QScrollArea(EvaluationPanel)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.scrollArea.setWidgetResizable(True)
        self.scrollContents = QWidget()
        self.scrollContents.setObjectName(u"scrollContents")
        self.scrollContents.setGeometry(QRect(0, 0, 560, 420))
        self.contentLayout = QVBoxLayout(self.scrollContents)
        self.contentLayout.setObjectName(u"contentLayout")
        self.contentLayout.setContentsMargins(2, 2, 2, 2)
        self.receiptLayout = QGridLayout()
        self.receiptLayout.setObjectName(u"receiptLayout")
        self.receiverCaption = QLabel(self.scrollContents)
        self.receiverCaption.setObjectName(u"receiverCaption")

        self.receiptLayout.addWidget(self.receiverCaption, 0, 0, 1, 1)

        self.receiverCombo = QComboBox(self.scrollContents)
        self.receiverCombo.setObjectName(u"receiverCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.receiverCombo.sizePolicy().hasHeightForWidth())
        self.receiverCombo.setSizePolicy(sizePolicy)
        self.receiverCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.receiverCombo.setMinimumContentsLength(14)

        self.receiptLayout.addWidget(self.receiverCombo, 0, 1, 1, 2)

        self.receivedCaption = QLabel(self.scrollContents)
        self.receivedCaption.setObjectName(u"receivedCaption")

        self.receiptLayout.addWidget(self.receivedCaption, 1, 0, 1, 1)

        self.receivedEdit = QDateTimeEdit(self.scrollContents)
        self.receivedEdit.setObjectName(u"receivedEdit")

        self.receiptLayout.addWidget(self.receivedEdit, 1, 1, 1, 1)

        self.nowButton = QPushButton(self.scrollContents)
        self.nowButton.setObjectName(u"nowButton")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.nowButton.sizePolicy().hasHeightForWidth())
        self.nowButton.setSizePolicy(sizePolicy1)

        self.receiptLayout.addWidget(self.nowButton, 1, 2, 1, 1)

        self.receiptLayout.setColumnStretch(1, 1)

        self.contentLayout.addLayout(self.receiptLayout)

        self.scoresBox = QGroupBox(self.scrollContents)
        self.scoresBox.setObjectName(u"scoresBox")
        self.scoresLayout = QGridLayout(self.scoresBox)
        self.scoresLayout.setObjectName(u"scoresLayout")
        self.timelinessCaption = QLabel(self.scoresBox)
        self.timelinessCaption.setObjectName(u"timelinessCaption")

        self.scoresLayout.addWidget(self.timelinessCaption, 0, 0, 1, 1)

        self.timelinessCombo = QComboBox(self.scoresBox)
        self.timelinessCombo.setObjectName(u"timelinessCombo")

        self.scoresLayout.addWidget(self.timelinessCombo, 0, 1, 1, 1)

        self.reachCaption = QLabel(self.scoresBox)
        self.reachCaption.setObjectName(u"reachCaption")

        self.scoresLayout.addWidget(self.reachCaption, 1, 0, 1, 1)

        self.reachCombo = QComboBox(self.scoresBox)
        self.reachCombo.setObjectName(u"reachCombo")

        self.scoresLayout.addWidget(self.reachCombo, 1, 1, 1, 1)

        self.narrationCaption = QLabel(self.scoresBox)
        self.narrationCaption.setObjectName(u"narrationCaption")

        self.scoresLayout.addWidget(self.narrationCaption, 2, 0, 1, 1)

        self.narrationCombo = QComboBox(self.scoresBox)
        self.narrationCombo.setObjectName(u"narrationCombo")

        self.scoresLayout.addWidget(self.narrationCombo, 2, 1, 1, 1)

        self.scoresLayout.setColumnStretch(1, 1)

        self.contentLayout.addWidget(self.scoresBox)

        self.notesCaption = QLabel(self.scrollContents)
        self.notesCaption.setObjectName(u"notesCaption")

        self.contentLayout.addWidget(self.notesCaption)

        self.notesEdit = QPlainTextEdit(self.scrollContents)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setMinimumSize(QSize(0, 60))
        self.notesEdit.setMaximumSize(QSize(16777215, 110))
        self.notesEdit.setTabChangesFocus(True)

        self.contentLayout.addWidget(self.notesEdit)

        self.followupsCaption = QLabel(self.scrollContents)
        self.followupsCaption.setObjectName(u"followupsCaption")
        self.followupsCaption.setWordWrap(True)

        self.contentLayout.addWidget(self.followupsCaption)

        self.followupsEdit = QPlainTextEdit(self.scrollContents)
        self.followupsEdit.setObjectName(u"followupsEdit")
        self.followupsEdit.setMinimumSize(QSize(0, 80))
        self.followupsEdit.setTabChangesFocus(True)

        self.contentLayout.addWidget(self.followupsEdit)

        self.counterLabel = QLabel(self.scrollContents)
        self.counterLabel.setObjectName(u"counterLabel")

        self.contentLayout.addWidget(self.counterLabel)

        self.errorLabel = MessageLabel(self.scrollContents)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b00020;")
        self.errorLabel.setWordWrap(True)

        self.contentLayout.addWidget(self.errorLabel)

        self.scrollArea.setWidget(self.scrollContents)

        self.outerLayout.addWidget(self.scrollArea)

#if QT_CONFIG(shortcut)
        self.receiverCaption.setBuddy(self.receiverCombo)
        self.receivedCaption.setBuddy(self.receivedEdit)
        self.timelinessCaption.setBuddy(self.timelinessCombo)
        self.reachCaption.setBuddy(self.reachCombo)
        self.narrationCaption.setBuddy(self.narrationCombo)
        self.notesCaption.setBuddy(self.notesEdit)
        self.followupsCaption.setBuddy(self.followupsEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(EvaluationPanel)

        QMetaObject.connectSlotsByName(EvaluationPanel)
    # setupUi

    def retranslateUi(self, EvaluationPanel):
        self.receiverCaption.setText(QCoreApplication.translate("EvaluationPanel", u"Diterima oleh:", None))
        self.receivedCaption.setText(QCoreApplication.translate("EvaluationPanel", u"Diterima pada:", None))
        self.receivedEdit.setDisplayFormat(QCoreApplication.translate("EvaluationPanel", u"dd/MM/yyyy HH.mm", None))
#if QT_CONFIG(tooltip)
        self.receivedEdit.setToolTip(QCoreApplication.translate("EvaluationPanel", u"Tanggal dan jam laporan diterima (WIB)", None))
#endif // QT_CONFIG(tooltip)
        self.nowButton.setText(QCoreApplication.translate("EvaluationPanel", u"Sekarang", None))
        self.scoresBox.setTitle(QCoreApplication.translate("EvaluationPanel", u"Nilai (1 = sangat kurang, 5 = sangat baik)", None))
        self.timelinessCaption.setText(QCoreApplication.translate("EvaluationPanel", u"Ketepatan waktu:", None))
        self.reachCaption.setText(QCoreApplication.translate("EvaluationPanel", u"Jangkauan:", None))
        self.narrationCaption.setText(QCoreApplication.translate("EvaluationPanel", u"Kualitas narasi:", None))
        self.notesCaption.setText(QCoreApplication.translate("EvaluationPanel", u"Catatan evaluasi:", None))
        self.notesEdit.setPlaceholderText(QCoreApplication.translate("EvaluationPanel", u"Penilaian atas pelaksanaan wawaran (tersimpan otomatis)", None))
        self.followupsCaption.setText(QCoreApplication.translate("EvaluationPanel", u"Tindak lanjut untuk wawaran berikutnya (satu butir per baris):", None))
        self.followupsEdit.setPlaceholderText(QCoreApplication.translate("EvaluationPanel", u"mis. Mulai 30 menit lebih pagi\n"
"Tambah titik di Pasar Anyar", None))
        pass
    # retranslateUi

